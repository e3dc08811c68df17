"""Figures about the catalogue for the statistics page (/{lang}/statistics): how much can be
done online, how many visits items need, promised against legal time limits, and how many
items each center accepts. Worked out from the live data on each render; the page cache keeps
the rendered page per content version, so an import or a change of windows shows at once."""

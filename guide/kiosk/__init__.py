"""Touch kiosks in the service halls: what a kiosk screen needs beyond the public pages' rules."""

#: Paper a checklist prints on: an A4 sheet, or an 80 mm receipt roll (a kiosk's own printer).
PAPERS = ("a4", "80mm")

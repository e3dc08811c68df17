"""Editorial guides: states, loading from content/guides/, rendering for the public pages."""

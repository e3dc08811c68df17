"""Touch kiosks in the service halls: what a kiosk screen needs beyond the public pages' rules."""

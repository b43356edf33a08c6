"""The Textual front ends (chat, kiosk, counsellor view); the only package that imports Textual."""

"""Zelftest: "Is loopbaanbegeleiding iets voor mij?" — a chat, a kiosk, a counsellor view
and a plain mode over one pure core (`zelftest.core`)."""

__version__ = "0.1.0"

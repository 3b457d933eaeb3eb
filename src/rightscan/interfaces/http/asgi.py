"""ASGI entry point for uvicorn (settings from RIGHTSCAN_* environment variables)."""

from rightscan.interfaces.http.app import create_app

app = create_app()

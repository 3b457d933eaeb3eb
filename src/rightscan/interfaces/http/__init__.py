"""HTTP interface: the JSON API, the CDS Hooks service and the web pages (FastAPI)."""

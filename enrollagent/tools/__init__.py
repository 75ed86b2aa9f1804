"""Developer tools: a demo village and page screenshots (may use Qt; never imported by the app)."""

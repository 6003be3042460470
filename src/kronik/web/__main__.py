"""``python -m kronik.web --db FILE [--host H] [--port N] [--workers W]``: serve without the kronik command."""

from kronik.web.serve import main

main()

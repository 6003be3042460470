"""kronik's web app: a JSON API and an analyst's workbench (search, article, entity, timeline, actor graph)
over one kronik database. ``create_app`` builds it; ``serve`` runs it; ``bench`` measures it."""

from kronik.web.app import create_app
from kronik.web.serve import serve

__all__ = ["create_app", "serve"]

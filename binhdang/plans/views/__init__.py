"""Views of the plans app (thin: forms, services, selectors and the access policy)."""

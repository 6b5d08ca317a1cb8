"""E-mail deliveries in the Wagtail admin: the list staff watch (views.py,
viewsets.py), who may see and retry them (permissions.py), and the dashboard
panel that warns of failed ones (dashboard.py)."""

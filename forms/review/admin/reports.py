"""Reports for the ministry: the dashboard and filing exports."""

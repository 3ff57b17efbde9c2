"""Views of the activity log and the Action Month, split by page family."""

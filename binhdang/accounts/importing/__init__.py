"""Reading unit lists from .xlsx and .csv files (plain Python, no Django import)."""

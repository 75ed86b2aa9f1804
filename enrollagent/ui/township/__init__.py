"""Pieces of the 乡镇汇总 window."""

"""lkjip_analysis: tidy, traceable data from Indonesian LKjIP performance reports."""

__version__ = "0.1.0"

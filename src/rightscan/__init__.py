"""RightScan: is this imaging study appropriate for this patient, and if not, what is the next step?"""

__version__ = "0.1.0"

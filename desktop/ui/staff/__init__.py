"""Registry-staff mode's Qt layer: the review queue, the revision diff, reports and exports.

A thin layer over ``desktop.staff``: every register operation runs on the staff store's
database thread (``desktop.ui.ops.Op``) or the background pool (network), never on the GUI
thread. Strings live in their own catalogue (``sjelden_staff``).
"""

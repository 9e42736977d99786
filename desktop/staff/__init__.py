"""Registry-staff mode (GUI-free): the register's side of the batch protocol.

Staff pull batches from the inbox (or take batch files), verify and decrypt them, validate
every record with the form's own validator, check it against the register (revision,
duplicate, reservation), decide, and send signed decisions back. Accepted records go into
the register store (SQLCipher by default, PostgreSQL in production); exports and reports read
from it. ``model`` holds the shapes every part shares; see docs/staff.md.
"""

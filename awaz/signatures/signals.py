"""Signals other apps may listen to (pretix's documented extension signals).

`count_published(sender=Petition, petition, old, new, goals)`: a fold moved a petition's
published count from `old` to `new` (confirmations, withdrawals, paper batches), and `goals`
are the milestones it reached with it. Sent inside the fold's transaction, at most once per
petition per AWAZ_COUNT_INTERVAL: what a receiver writes commits, or not, with the count.
"""

from django.dispatch import Signal

count_published = Signal()

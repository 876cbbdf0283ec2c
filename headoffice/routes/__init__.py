"""Head office's HTTP routes, one router a resource (``create_app`` includes them all).

``enrol`` (a desk joins), ``sync`` (a desk pushes and pulls events), ``policy`` (a desk fetches
its site's policy), ``dashboard`` (people: the page and the spend export). What they share
comes in as dependencies from ``deps``.
"""

"""Openings from the public job boards: employer matching, the ads' values, the pull and the fetch.

`pull.pull_feed` is what the CLI (and a scheduled pull) calls; the parsers are the pure `feeds` package.
"""

"""Browser tests of the built seed site (a package so its module names never clash with tests/)."""

"""Team bundles: one file holding records and original files, exported by one member and merged
into another's library. See docs/bundle-format.md."""

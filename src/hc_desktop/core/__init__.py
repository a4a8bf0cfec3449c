"""Domain types and the product's rules; plain Python, no I/O."""

"""Knowledge base: actors, aliases, roles over time, places; name folding."""

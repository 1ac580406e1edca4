"""What was said: the content of a sentence without its attribution frame, cut into pieces, and
how checkable each piece is."""

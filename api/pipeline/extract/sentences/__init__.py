"""Reading an article: paragraphs and sentences, word tokens, quotation marks, page furniture,
sentence fragments and quoted titles (``titles.py``)."""

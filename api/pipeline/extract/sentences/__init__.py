"""Reading an article: paragraphs and sentences, word tokens, quotation marks, page furniture
and sentence fragments."""

"""Who speaks: speech and stance cues, the phrase that is their subject, what kind of source it
names, and one canonical name per person in an article."""

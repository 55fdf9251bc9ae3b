"""What factcheck knows of English, in one place, apart from any story.

Words that belong to a story (its parties, measures, terms) come only from its pack; what is
here holds for any story: how newsroom English marks a sentence as reported rather than
asserted, how it names a measure, how it points back to a party. Each construction is data:
its pattern and sentences it must and must not match (see
:class:`checker.language.constructions.Construction`), and the test suite runs every one.
"""

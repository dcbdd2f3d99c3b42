"""The tagger: regions (gazetteer + jieba), topics (taxonomy) and keywords (TF-IDF) for every item.

Public API:
    Tagger(config)                   builds the private segmenter once (gazetteer + taxonomy words)
    Tagger.tag_page(page) -> Page    pure: returns the page with items' tag fields filled
    Tagger.fingerprint               hash of tagger version + taxonomy + gazetteer (cache key part)
"""

"""The loader: page files -> Page records (decode.py reads bytes, blocks.py/items.py parse text, dates.py dates).

Public API:
    load_pages(paths, config=None) -> list[Page]      read + parse many files (paths: files or folders)
    parse_page(text, source, ...) -> Page              pure: parse one decoded page text
"""

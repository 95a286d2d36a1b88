"""Named-document mentions (extract.py, with the type nouns and name words of lexicon.py) and their
linking to canonical documents (linking.py, through the language-independent name keys of
concepts.py). Examples that are the test: examples/<code>.toml."""
from transforms.documents.extract import extract_documents, link_documents

__all__ = ["extract_documents", "link_documents"]

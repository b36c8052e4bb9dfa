"""Reading files into Extracted text and metadata; see kb.importing.extractors.extract."""

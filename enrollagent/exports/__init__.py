"""Files that go out: roll sheet, PDFs, the upload package; each written to a temp name and renamed."""

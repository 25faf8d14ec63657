// ShowNotesCore builds on the search library; its users see both.
@_exported import ShowNotesSearch

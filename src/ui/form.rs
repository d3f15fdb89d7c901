//! Drawing the edit form (measure or goal).

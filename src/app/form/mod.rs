//! The edit form for measures and goals.

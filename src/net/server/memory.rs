//! The server's memory stays near what its data needs. glibc gives each thread that
//! allocates at once an arena of its own (up to eight per core) and keeps freed memory in
//! them: after a client read all 100 000 measures (a reply of ~40 MB) the server held 175 MiB
//! instead of 128 MiB. Two arenas are enough for a few connections, and memory freed after a
//! large reply goes back to the system.

/// Memory freed by many small replies (a client reading every measure a page at a time) is
/// given back this often.
pub const GIVE_BACK_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

/// A frame at least this large is followed by giving freed memory back.
pub const LARGE_FRAME: usize = 4 << 20;

/// Call before the server starts any thread.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before other threads exist.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Gives memory freed by a large reply back to the system (walks the heap: only after a
/// large frame).
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim is thread-safe and has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}

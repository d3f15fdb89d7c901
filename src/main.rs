fn main() {
    // Every file quartier creates, and every file sled creates for it (database, blobs,
    // snapshots, written from sled's own threads too), is readable by the owner only.
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
    std::process::exit(quartier::cli::main());
}

//! A deferred export: announced, read, made on another thread, written; keys work meanwhile.

use super::*;
use crate::app::tests::{fixture, press, type_text};
use crate::app::{Focus, Mode};

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_deferred_export_is_announced_then_made_by_a_job_while_keys_work() {
    let mut f = fixture();
    f.app.defer_long_work(true);
    press(&mut f.app, "x<C-u>");
    type_text(&mut f.app, "liste.csv");
    press(&mut f.app, "<Enter>");
    let path = f.dir.path().join("liste.csv");
    assert!(f.app.is_busy());
    assert!(!path.exists(), "nothing written before the frame");
    assert!(
        message(&f.app).starts_with("Exportiere nach "),
        "{}",
        message(&f.app)
    );
    let job = f.app.start_job().expect("a job");
    assert!(f.app.job_running());
    assert_eq!(f.app.job_label(), Some("Export läuft …"));
    // Keys work while the job runs on its thread; a second export waits.
    let worker = std::thread::spawn(job);
    press(&mut f.app, "<Tab>j");
    assert_eq!(f.app.focus, Focus::Measures);
    press(&mut f.app, "x");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert!(
        message(&f.app).contains("läuft noch"),
        "{}",
        message(&f.app)
    );
    let done = worker.join().expect("the job");
    assert!(!path.exists(), "written by job_done");
    f.app.job_done(done);
    assert!(!f.app.job_running());
    assert!(path.exists());
    assert!(
        message(&f.app).starts_with("Geschrieben: "),
        "{}",
        message(&f.app)
    );
}

#[test]
fn a_failed_export_job_opens_the_dialog_again_with_the_reason() {
    let mut f = fixture();
    f.app.defer_long_work(true);
    press(&mut f.app, "x<C-u>");
    type_text(&mut f.app, "fehlt/liste.csv");
    press(&mut f.app, "<Enter>");
    let job = f.app.start_job().expect("a job");
    f.app.job_done(job());
    let Mode::Export(dialog) = &f.app.mode else {
        panic!("the dialog is open again: {:?}", message(&f.app));
    };
    assert!(
        dialog
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("fehlt")
    );
}

#[test]
fn what_a_job_carries_can_go_to_another_thread() {
    fn send<T: Send>() {}
    send::<crate::exchange::export::ExportInput>();
    send::<Job>();
    send::<JobDone>();
}

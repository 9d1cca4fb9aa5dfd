//! Placeable values for messages, as the types that put themselves into words pass them: text, paths, and
//! what the operating system said (in words of the language where the cause is a common one).

use std::path::Path;

use fluent_bundle::FluentValue;

use super::Messages;

/// A text placeable.
#[must_use]
pub fn text(value: &str) -> FluentValue<'static> {
    value.to_owned().into()
}

/// A path placeable, as the platform shows it.
#[must_use]
pub fn path(path: &Path) -> FluentValue<'static> {
    path.display().to_string().into()
}

/// What the operating system said: the common causes in `m`'s words, the rest as the system put it.
#[must_use]
pub fn io_reason(error: &std::io::Error, m: &Messages) -> FluentValue<'static> {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => m.text("io-not-found").into(),
        ErrorKind::PermissionDenied => m.text("io-permission-denied").into(),
        ErrorKind::StorageFull => m.text("io-storage-full").into(),
        ErrorKind::ReadOnlyFilesystem => m.text("io-read-only").into(),
        ErrorKind::IsADirectory => m.text("io-is-directory").into(),
        _ => error.to_string().into(),
    }
}

/// What a panic carried, for a message about a job that failed.
#[must_use]
pub fn panic_reason(payload: &(dyn std::any::Any + Send)) -> FluentValue<'static> {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "?".to_owned())
        .into()
}

//! The command line end to end, as a user and a script meet it: the real binary on real files, desks, memories, web pages on 127.0.0.1, PDFs, hostile and bad files, crashes, the installed files, error words, the review schema, and a team working through git and shared folders.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod cli_memory;
mod web;
mod pdf;
mod bad_files;
mod hostile;
mod crash;
mod install;
mod error_words;
mod schema;
mod team;

//! Writing results: lines, JSON documents and aligned tables, all user text sanitised.

use std::io::Write;

use serde::Serialize;

use crate::text::{cell, cell_right, sanitize_line, width};

/// Writes one line of (sanitised) text.
pub fn line(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    writeln!(out, "{}", sanitize_line(text))
}

/// Writes `value` as pretty JSON.
pub fn json(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    // serde_json hands I/O errors (a closed pipe) back as what they were.
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)
}

/// Column alignment.
#[derive(Clone, Copy)]
pub enum Align {
    Left,
    Right,
}

/// Writes rows as an aligned table: each column as wide as its widest cell, capped at `max`.
pub fn table(
    out: &mut impl Write,
    header: &[&str],
    columns: &[(Align, usize)],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, (_, max))| {
            let widest = rows
                .iter()
                .map(|r| width(&sanitize_line(&r[i])))
                .max()
                .unwrap_or(0);
            widest.max(width(header[i])).min(*max)
        })
        .collect();
    let render = |cells: &[String]| {
        let parts: Vec<String> = cells
            .iter()
            .zip(columns.iter().zip(&widths))
            .map(|(text, ((align, _), w))| match align {
                Align::Left => cell(text, *w),
                Align::Right => cell_right(text, *w),
            })
            .collect();
        parts.join("  ").trim_end().to_string()
    };
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    writeln!(out, "{}", render(&header))?;
    for row in rows {
        writeln!(out, "{}", render(row))?;
    }
    Ok(())
}

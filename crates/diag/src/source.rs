//! Source files and byte spans into them.

use std::ops::Range;

/// Identifies one file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(u32);

impl FileId {
    /// The position of the file in its map.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    file: FileId,
    start: usize,
    end: usize,
}

impl Span {
    /// A span of `range` in `file`. An inverted range is turned into an empty
    /// span at its start, so a span is always well-formed.
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span { file, start: range.start, end: range.end.max(range.start) }
    }

    /// The file.
    pub fn file(self) -> FileId {
        self.file
    }

    /// First byte.
    pub fn start(self) -> usize {
        self.start
    }

    /// One past the last byte.
    pub fn end(self) -> usize {
        self.end
    }

    /// The byte range.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// One file's name and text, with a line index for line/column lookups.
#[derive(Debug, Clone)]
pub struct SourceFile {
    name: String,
    text: String,
    line_starts: Vec<usize>,
    /// Characters before every `CHECKPOINT`-th byte, made on the first
    /// column asked for: a minified export is one line of megabytes, and
    /// counting the characters from the start of the line for each of
    /// thousands of diagnostics made `cbot check` quadratic.
    checkpoints: std::sync::OnceLock<Vec<usize>>,
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 4096;

/// Characters in `bytes` (UTF-8: every byte that does not continue a
/// sequence starts a character).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

impl SourceFile {
    fn new(name: String, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile { name, text, line_starts, checkpoints: std::sync::OnceLock::new() }
    }

    /// Characters in the text before byte `offset`.
    fn chars_before(&self, offset: usize) -> usize {
        let b = self.text.as_bytes();
        let marks = self.checkpoints.get_or_init(|| {
            let mut marks = vec![0];
            for chunk in b.chunks(CHECKPOINT) {
                marks.push(marks.last().copied().unwrap_or(0) + chars_in(chunk));
            }
            marks
        });
        let k = offset / CHECKPOINT;
        // Callers pass offsets clamped to the text, so both lookups succeed.
        marks.get(k).copied().unwrap_or(0) + b.get(k * CHECKPOINT..offset).map_or(0, chars_in)
    }

    /// The name given when the file was added (usually the path as typed).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The 1-based line and 1-based column (in characters) of a byte offset.
    /// Offsets past the end, or inside a UTF-8 sequence, are clamped.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor_char_boundary(offset);
        // line_starts[0] is 0, so some line starts at or before `offset`.
        let line = self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        // Short distances are counted directly; long ones (a minified
        // line) through the checkpoints.
        let col = if offset.saturating_sub(start) <= CHECKPOINT {
            self.text.get(start..offset).map_or(0, |t| t.chars().count())
        } else {
            self.chars_before(offset).saturating_sub(self.chars_before(start))
        } + 1;
        (line + 1, col)
    }

    /// The text of a 1-based line, without its line terminator (empty for
    /// a line the file does not have).
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_start(line);
        let end = self.line_starts.get(line).map_or(self.text.len(), |&e| e.saturating_sub(1)).max(start);
        let text = self.text.get(start..end).unwrap_or("");
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// Byte offset where a 1-based line starts (the end of the text for a
    /// line the file does not have).
    pub fn line_start(&self, line: usize) -> usize {
        line.checked_sub(1).and_then(|i| self.line_starts.get(i)).copied().unwrap_or(self.text.len())
    }

    /// Number of lines (a final line without a terminator counts).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// Every file cbot has read, by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    ///
    /// # Panics
    ///
    /// If more than `u32::MAX` files are added.
    #[expect(clippy::expect_used, reason = "documented panic: 2^32 files do not fit in memory first")]
    pub fn add(&mut self, name: impl Into<String>, text: String) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).expect("fewer than 2^32 source files"));
        self.files.push(SourceFile::new(name.into(), text));
        id
    }

    /// The file with this id.
    ///
    /// # Panics
    ///
    /// If the id comes from another map.
    #[expect(clippy::indexing_slicing, reason = "documented panic: ids are only made by `add` of this map")]
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.index()]
    }

    /// A span in `file`, clamped to the file's length.
    pub fn span(&self, file: FileId, range: Range<usize>) -> Span {
        let len = self.file(file).text.len();
        Span::new(file, range.start.min(len)..range.end.min(len))
    }

    /// The text a span covers.
    pub fn snippet(&self, span: Span) -> &str {
        let text = self.file(span.file).text();
        let start = self.file(span.file).floor_char_boundary(span.start);
        let end = self.file(span.file).floor_char_boundary(span.end);
        &text[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Long lines are counted through the checkpoints, with the same
    /// result as counting from the start of the line.
    #[test]
    fn columns_on_long_multibyte_lines_are_exact() {
        let text = format!("x\n{}\n{}", "aé€😀".repeat(5000), "b".repeat(9000));
        let mut map = SourceMap::new();
        let f = map.add("x", text.clone());
        let file = map.file(f);
        for offset in (0..=text.len()).step_by(997).chain([text.len() - 1, 2 + 4096, 2 + 8192]) {
            let offset = (0..=offset).rev().find(|&o| text.is_char_boundary(o)).unwrap();
            let line = text[..offset].matches('\n').count();
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            assert_eq!(file.line_col(offset), (line + 1, text[start..offset].chars().count() + 1), "{offset}");
        }
    }

    #[test]
    fn line_col_counts_characters_from_one() {
        let mut map = SourceMap::new();
        let f = map.add("x", "ab\nçd\r\nef".to_string());
        let file = map.file(f);
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(3), (2, 1));
        // `ç` is two bytes: byte 5 is `d`, the second character of line 2.
        assert_eq!(file.line_col(5), (2, 2));
        assert_eq!(file.line_col(100), (3, 3));
        assert_eq!(file.line_text(2), "çd");
        assert_eq!(file.line_text(3), "ef");
        assert_eq!(file.line_count(), 3);
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        let mut map = SourceMap::new();
        let f = map.add("x", "é".to_string());
        assert_eq!(map.file(f).line_col(1), (1, 1));
        // A span starting inside a character widens to the whole character.
        assert_eq!(map.snippet(map.span(f, 1..2)), "é");
    }
}

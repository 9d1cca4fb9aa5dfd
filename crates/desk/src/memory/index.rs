//! The full-text index behind the memory: tantivy, BM25, on disk in `<desk>/.claimdesk/memory/index/` (or in
//! memory for review and ClaimReview files given on the command line).
//!
//! Claims are indexed by the memory's own tokens ([`super::terms::Analysis::tokens`]): stems with synonyms
//! folded, figures and dates in one notation, German compounds also by their parts. BM25 finds candidates;
//! [`super::compare`] decides.

use std::path::{Path, PathBuf};

use foldhash::{HashSet, HashSetExt};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value as _,
};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::terms::{Analysis, Vocabulary, analyse, known_parts};
use super::{Entry, MemoryError};

const TOKENIZER: &str = "claimdesk_terms";
/// Heap for one indexing thread: large enough that 100 000 fact-checks go in one segment flush or two.
const WRITER_HEAP: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, Copy)]
struct Fields {
    key: Field,
    group: Field,
    terms: Field,
    entry: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let key = builder.add_text_field("key", STRING);
    let group = builder.add_text_field("group", STRING);
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER)
        .set_index_option(IndexRecordOption::WithFreqs);
    let terms = builder.add_text_field(
        "terms",
        TextOptions::default().set_indexing_options(indexing),
    );
    let entry = builder.add_text_field("entry", STORED);
    (
        builder.build(),
        Fields {
            key,
            group,
            terms,
            entry,
        },
    )
}

/// One claim ready for the index.
#[derive(Debug, Clone)]
pub struct Indexed {
    /// Unique per claim: a hash of what the fact-check says, or the review file and claim id.
    pub key: super::EntryKey,
    /// What is replaced together: one review file's claims, or the imports.
    pub group: super::Group,
    /// The claim.
    pub entry: Entry,
}

/// A candidate from the index.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The earlier claim.
    pub entry: Entry,
    /// BM25 score.
    pub score: f32,
}

/// A tantivy index of earlier claims.
pub struct MemoryIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    location: Option<PathBuf>,
}

impl std::fmt::Debug for MemoryIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryIndex")
            .field("location", &self.location)
            .finish_non_exhaustive()
    }
}

fn index_error(location: Option<&Path>, error: impl std::fmt::Display) -> MemoryError {
    MemoryError::Index {
        path: location.map_or_else(|| PathBuf::from("(in memory)"), Path::to_owned),
        message: error.to_string(),
    }
}

impl MemoryIndex {
    /// The index in `dir`, created when there is none.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when the folder cannot be created or holds a damaged index.
    pub fn open_or_create(dir: &Path) -> Result<Self, MemoryError> {
        std::fs::create_dir_all(dir).map_err(|e| index_error(Some(dir), e))?;
        let (schema, fields) = schema();
        let directory =
            tantivy::directory::MmapDirectory::open(dir).map_err(|e| index_error(Some(dir), e))?;
        let index = Index::open_or_create(directory, schema.clone())
            .map_err(|e| index_error(Some(dir), e))?;
        if index.schema() != schema {
            return Err(index_error(
                Some(dir),
                "the index was written by another claimdesk version; delete the folder and import again",
            ));
        }
        Self::with_index(index, fields, Some(dir.to_owned()))
    }

    /// An index that lives in memory only.
    #[must_use]
    pub fn in_ram() -> Self {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        // Creating a reader on a fresh in-memory index cannot fail: there is nothing to read yet.
        Self::with_index(index, fields, None).unwrap_or_else(|_| unreachable!())
    }

    fn with_index(
        index: Index,
        fields: Fields,
        location: Option<PathBuf>,
    ) -> Result<Self, MemoryError> {
        index.tokenizers().register(
            TOKENIZER,
            TextAnalyzer::builder(WhitespaceTokenizer::default()).build(),
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            // Candidates of one claim sit in few store blocks; keeping decompressed blocks saves most of
            // the cost of reading them.
            .doc_store_cache_num_blocks(256)
            .try_into()
            .map_err(|e| index_error(location.as_deref(), e))?;
        Ok(Self {
            index,
            reader,
            fields,
            location,
        })
    }

    fn writer(&self) -> Result<IndexWriter, MemoryError> {
        // Another claimdesk may hold the lock for a moment (a second window, a running import).
        let mut attempts = 0;
        loop {
            match self.index.writer_with_num_threads(1, WRITER_HEAP) {
                Ok(writer) => return Ok(writer),
                Err(tantivy::TantivyError::LockFailure(..)) if attempts < 40 => {
                    attempts += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(error) => {
                    return Err(index_error(
                        self.location.as_deref(),
                        format!("{error}; is another claimdesk importing into this desk?"),
                    ));
                }
            }
        }
    }

    /// How many claims the index holds.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds no claims.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The keys of all claims in the index.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when the index cannot be read.
    pub fn keys(&self) -> Result<HashSet<super::EntryKey>, MemoryError> {
        let searcher = self.reader.searcher();
        let mut keys = HashSet::new();
        for segment in searcher.segment_readers() {
            let inverted = segment
                .inverted_index(self.fields.key)
                .map_err(|e| index_error(self.location.as_deref(), e))?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(|e| index_error(self.location.as_deref(), e))?;
            while stream.advance() {
                keys.insert(super::EntryKey::stored(
                    String::from_utf8_lossy(stream.key()).into_owned(),
                ));
            }
        }
        Ok(keys)
    }

    /// Replaces the claims of `groups` with `entries` (which may hold claims of other groups too) and
    /// commits.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when the index cannot be written.
    pub fn replace(
        &mut self,
        groups: &[super::Group],
        entries: &[Indexed],
    ) -> Result<(), MemoryError> {
        if groups.is_empty() && entries.is_empty() {
            return Ok(());
        }
        let mut writer = self.writer()?;
        for group in groups {
            writer.delete_term(Term::from_field_text(self.fields.group, group.as_str()));
        }
        let analyses: Vec<Analysis> = entries
            .iter()
            .map(|indexed| analyse(&indexed.entry.text, indexed.entry.language))
            .collect();
        // Compound parts are split against the words this batch and the index already know.
        let mut vocabulary = Vocabulary::new();
        for analysis in &analyses {
            vocabulary.add(analysis);
        }
        let searcher = self.reader.searcher();
        let knows = |stem: &str| {
            vocabulary.knows(stem)
                || searcher
                    .doc_freq(&Term::from_field_text(self.fields.terms, stem))
                    .is_ok_and(|n| n > 0)
        };
        for (indexed, analysis) in entries.iter().zip(&analyses) {
            let mut tokens = analysis.tokens();
            for word in &analysis.words {
                if let Some(parts) = known_parts(indexed.entry.language, word, &knows) {
                    tokens.extend(parts);
                }
            }
            let entry_json = serde_json::to_string(&indexed.entry)
                .map_err(|e| index_error(self.location.as_deref(), e))?;
            let mut document = TantivyDocument::default();
            document.add_text(self.fields.key, indexed.key.as_str());
            document.add_text(self.fields.group, indexed.group.as_str());
            document.add_text(self.fields.terms, tokens.join(" "));
            document.add_text(self.fields.entry, entry_json);
            writer
                .add_document(document)
                .map_err(|e| index_error(self.location.as_deref(), e))?;
        }
        writer
            .commit()
            .map_err(|e| index_error(self.location.as_deref(), e))?;
        writer
            .wait_merging_threads()
            .map_err(|e| index_error(self.location.as_deref(), e))?;
        self.reader
            .reload()
            .map_err(|e| index_error(self.location.as_deref(), e))?;
        Ok(())
    }

    /// Adds claims and commits.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when the index cannot be written.
    pub fn add(&mut self, entries: &[Indexed]) -> Result<(), MemoryError> {
        self.replace(&[], entries)
    }

    /// The index's document frequency of a token and its size, for word weights.
    #[must_use]
    pub fn frequency(&self, token: &str) -> (u64, u64) {
        let searcher = self.reader.searcher();
        let df = searcher
            .doc_freq(&Term::from_field_text(self.fields.terms, token))
            .unwrap_or(0);
        (df, searcher.num_docs())
    }

    /// Whether the index has seen `token`.
    #[must_use]
    pub fn knows(&self, token: &str) -> bool {
        self.frequency(token).0 > 0
    }

    /// The claim under `key`, when the index holds it.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when the index cannot be read.
    pub fn entry_by_key(&self, key: &str) -> Result<Option<Entry>, MemoryError> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.key, key),
            IndexRecordOption::Basic,
        );
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| index_error(self.location.as_deref(), e))?;
        match top.first() {
            Some((_, address)) => self.entry_at(&searcher, *address),
            None => Ok(None),
        }
    }

    /// The claim stored in a document (none when its stored JSON is not an entry).
    fn entry_at(
        &self,
        searcher: &tantivy::Searcher,
        address: tantivy::DocAddress,
    ) -> Result<Option<Entry>, MemoryError> {
        let document: TantivyDocument = searcher
            .doc(address)
            .map_err(|e| index_error(self.location.as_deref(), e))?;
        Ok(document
            .get_first(self.fields.entry)
            .and_then(|value| value.as_str())
            .and_then(|json| serde_json::from_str::<Entry>(json).ok()))
    }

    /// Every claim of one group (`import`), for writing the import log of a desk that predates it.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when the index cannot be read.
    pub fn entries_of_group(&self, group: &super::Group) -> Result<Vec<Entry>, MemoryError> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.group, group.as_str()),
            IndexRecordOption::Basic,
        );
        let searcher = self.reader.searcher();
        let addresses = searcher
            .search(&query, &tantivy::collector::DocSetCollector)
            .map_err(|e| index_error(self.location.as_deref(), e))?;
        let mut addresses: Vec<_> = addresses.into_iter().collect();
        addresses.sort();
        let mut entries = Vec::with_capacity(addresses.len());
        for address in addresses {
            entries.extend(self.entry_at(&searcher, address)?);
        }
        Ok(entries)
    }

    /// How many claims of `group` the index holds.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when the index cannot be read.
    pub fn count_group(&self, group: &super::Group) -> Result<usize, MemoryError> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.group, group.as_str()),
            IndexRecordOption::Basic,
        );
        self.reader
            .searcher()
            .search(&query, &tantivy::collector::Count)
            .map_err(|e| index_error(self.location.as_deref(), e))
    }

    /// At most `limit` claims spread evenly over the index (all of them when it holds fewer), in the
    /// index's order.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when the index cannot be read.
    pub fn sample(&self, limit: usize) -> Result<Vec<Entry>, MemoryError> {
        let searcher = self.reader.searcher();
        let total = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let stride = total.div_ceil(limit.max(1)).max(1);
        let mut entries = Vec::with_capacity(total.min(limit));
        let mut seen = 0usize;
        for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
            let alive = segment.alive_bitset();
            for doc in 0..segment.max_doc() {
                if alive.is_some_and(|alive| !alive.is_alive(doc)) {
                    continue;
                }
                let taken = seen.is_multiple_of(stride) && entries.len() < limit;
                seen += 1;
                if !taken {
                    continue;
                }
                let address =
                    tantivy::DocAddress::new(u32::try_from(ordinal).unwrap_or(u32::MAX), doc);
                entries.extend(self.entry_at(&searcher, address)?);
            }
        }
        Ok(entries)
    }

    /// The best `limit` candidates for a claim's tokens, excluding claims of `excluded` groups.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when the index cannot be read.
    pub fn search(
        &self,
        tokens: &[String],
        limit: usize,
        excluded: &[super::Group],
    ) -> Result<Vec<Hit>, MemoryError> {
        if tokens.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = tokens
            .iter()
            .map(|token| {
                let query: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.terms, token),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, query)
            })
            .collect();
        for group in excluded {
            clauses.push((
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.group, group.as_str()),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&query, &TopDocs::with_limit(limit).order_by_score())
            .map_err(|e| index_error(self.location.as_deref(), e))?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            if let Some(entry) = self.entry_at(&searcher, address)? {
                hits.push(Hit { entry, score });
            }
        }
        Ok(hits)
    }
}

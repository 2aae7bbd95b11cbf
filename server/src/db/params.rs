//! Statement parameters, in the few types the store uses, bound the same way on both engines.

use ::postgres::types::{ToSql, Type};

/// A parameter's value. Every variant may be NULL and still says its type, so PostgreSQL
/// never has to guess it (`?1 IS NULL OR x = ?1` would otherwise be ambiguous).
#[derive(Debug, Clone, Copy)]
pub enum Param<'a> {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<&'a str>),
    Blob(Option<&'a [u8]>),
}

/// A value that can be bound as a statement parameter.
pub trait ToParam {
    fn to_param(&self) -> Param<'_>;
}

/// The type of a NULL of a value's type, for `Option`s.
pub trait ParamKind {
    const NULL: Param<'static>;
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl ToParam for $t {
            fn to_param(&self) -> Param<'_> {
                // Every integer the store binds fits: counts, ids, pages and limits.
                Param::Int(Some(i64::try_from(*self).unwrap_or(i64::MAX)))
            }
        }
        impl ParamKind for $t {
            const NULL: Param<'static> = Param::Int(None);
        }
    )*};
}
int_param!(i64, i32, u8, u16, u32, u64, usize);

impl ToParam for bool {
    fn to_param(&self) -> Param<'_> {
        Param::Int(Some(i64::from(*self)))
    }
}

impl ParamKind for bool {
    const NULL: Param<'static> = Param::Int(None);
}

impl ToParam for f64 {
    fn to_param(&self) -> Param<'_> {
        Param::Real(Some(*self))
    }
}

impl ParamKind for f64 {
    const NULL: Param<'static> = Param::Real(None);
}

impl ToParam for str {
    fn to_param(&self) -> Param<'_> {
        Param::Text(Some(self))
    }
}

impl ParamKind for str {
    const NULL: Param<'static> = Param::Text(None);
}

impl ToParam for String {
    fn to_param(&self) -> Param<'_> {
        Param::Text(Some(self))
    }
}

impl ParamKind for String {
    const NULL: Param<'static> = Param::Text(None);
}

impl ToParam for [u8] {
    fn to_param(&self) -> Param<'_> {
        Param::Blob(Some(self))
    }
}

impl ParamKind for [u8] {
    const NULL: Param<'static> = Param::Blob(None);
}

impl ToParam for Vec<u8> {
    fn to_param(&self) -> Param<'_> {
        Param::Blob(Some(self))
    }
}

impl ParamKind for Vec<u8> {
    const NULL: Param<'static> = Param::Blob(None);
}

impl<T: ToParam + ?Sized> ToParam for &T {
    fn to_param(&self) -> Param<'_> {
        (**self).to_param()
    }
}

impl<T: ParamKind + ?Sized> ParamKind for &T {
    const NULL: Param<'static> = T::NULL;
}

impl<T: ToParam + ParamKind> ToParam for Option<T> {
    fn to_param(&self) -> Param<'_> {
        match self {
            Some(value) => value.to_param(),
            None => T::NULL,
        }
    }
}

/// `Error::NulInText` when a text parameter holds a NUL character.
pub(super) fn refuse_nul(params: &[&dyn ToParam]) -> super::Result<()> {
    let has_nul = params
        .iter()
        .any(|param| matches!(param.to_param(), Param::Text(Some(text)) if text.contains('\0')));
    if has_nul {
        return Err(super::Error::NulInText);
    }
    Ok(())
}

/// The parameters as rusqlite binds them.
pub(super) fn sqlite<'a>(params: &'a [&'a dyn ToParam]) -> Vec<Box<dyn rusqlite::ToSql + 'a>> {
    params
        .iter()
        .map(|param| -> Box<dyn rusqlite::ToSql + 'a> {
            match param.to_param() {
                Param::Int(value) => Box::new(value),
                Param::Real(value) => Box::new(value),
                Param::Text(value) => Box::new(value),
                Param::Blob(value) => Box::new(value),
            }
        })
        .collect()
}

/// The parameters as the PostgreSQL client binds them, each with its type.
pub(super) fn postgres<'a>(
    params: &'a [&'a dyn ToParam],
) -> Vec<(Box<dyn ToSql + Sync + 'a>, Type)> {
    params
        .iter()
        .map(|param| -> (Box<dyn ToSql + Sync + 'a>, Type) {
            match param.to_param() {
                Param::Int(value) => (Box::new(value), Type::INT8),
                Param::Real(value) => (Box::new(value), Type::FLOAT8),
                Param::Text(value) => (Box::new(value), Type::TEXT),
                Param::Blob(value) => (Box::new(value), Type::BYTEA),
            }
        })
        .collect()
}

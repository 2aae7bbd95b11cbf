//! Who is signed in. Every page but the sign-in page needs a session; the server is asked
//! once when the app starts, and told of the end of a session by any request that finds it.

use leptos::prelude::*;
use portal_contract::staff::{StaffRole, StaffSession, StaffUser};

use crate::api::{self, Failure};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    Checking,
    SignedOut,
    SignedIn(StaffUser),
    /// The server could not say: offline, or down. Not the same as signed out: sending the
    /// staff member to the sign-in form would not help.
    Unknown(Failure),
}

#[derive(Debug, Clone, Copy)]
pub struct Session(RwSignal<SessionState>);

/// Starts the session check and makes the session available to every page.
pub fn provide_session() {
    let session = Session(RwSignal::new(SessionState::Checking));
    api::on_signed_out(move || session.signed_out());
    session.check();
    provide_context(session);
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    pub fn check(self) {
        self.0.set(SessionState::Checking);
        leptos::task::spawn_local(async move {
            match api::current_session().await {
                Ok(Some(session)) => self.signed_in(session),
                Ok(None) => self.signed_out(),
                Err(failure) => self.0.set(SessionState::Unknown(failure)),
            }
        });
    }

    pub fn signed_in(self, session: StaffSession) {
        api::set_csrf_token(&session.csrf_token);
        self.0.set(SessionState::SignedIn(session.user));
    }

    pub fn signed_out(self) {
        api::set_csrf_token("");
        self.0.set(SessionState::SignedOut);
    }

    pub fn state(self) -> SessionState {
        self.0.get()
    }

    pub fn user(self) -> Option<StaffUser> {
        match self.0.get() {
            SessionState::SignedIn(user) => Some(user),
            _ => None,
        }
    }

    /// Whether the signed-in staff member has at least `role`: what the server will allow,
    /// so buttons it would refuse are not shown.
    pub fn may(self, role: StaffRole) -> bool {
        self.user().is_some_and(|user| user.role >= role)
    }
}

pub fn role_label(role: StaffRole) -> &'static str {
    match role {
        StaffRole::Editor => "Biên tập viên",
        StaffRole::Approver => "Người duyệt",
        StaffRole::Admin => "Quản trị",
    }
}

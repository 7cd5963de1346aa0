/// The hidden field that carries where to go back to, on the sign-in form and the "Stay signed in" form. Links that
/// lead to those pages name it as a query parameter (`SignInReturn`).
public enum ReturnPathField: String, FormFieldName {
    case next
}

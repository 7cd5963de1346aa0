import XCTest
import HummingbirdTesting
@testable import AlongsideApp
